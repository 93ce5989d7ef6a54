import { Transform } from 'class-transformer';

/**
 * Trims a text field before it is validated, so a value of spaces counts as empty for @IsNotEmpty and what is
 * stored is what the clerk meant.
 */
export const Trimmed = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
