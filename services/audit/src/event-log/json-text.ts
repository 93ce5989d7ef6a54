/** JSON text of a value of type T, made by PostgreSQL and sent to the client as it is. */
export type JsonText<T> = string & { readonly jsonOf?: T };

/** The value a JSON text holds (for callers in the service, and tests, that read it). */
export const valueOfJson = <T>(text: JsonText<T>): T => JSON.parse(text) as T;
