/**
 * JSON with object keys in sorted order, so equal values always serialise alike (PostgreSQL's jsonb, for one,
 * does not keep key order). Used to compare guides and to hash the audit log.
 */
export declare function canonicalJson(value: unknown): string;
//# sourceMappingURL=canonical-json.d.ts.map
