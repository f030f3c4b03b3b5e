// Turns ajv's errors into one line that names the field the way a developer writes it:
// `body[3].choices.analytics: expected boolean`.

/** The part of an ajv error this reads. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

// Keywords that only say "a branch below failed"; the branch's own error says what.
const WRAPPERS = new Set(['if', 'then', 'else', 'oneOf', 'anyOf', 'allOf']);

/** `/3/choices/analytics` → `body[3].choices.analytics`. */
export function fieldPath(root: string, instancePath: string, child?: string): string {
  const parts = instancePath.split('/').slice(1);
  if (child !== undefined) parts.push(child);
  let path = root;
  for (const raw of parts) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(part) ? `[${part}]` : `.${part}`;
  }
  return path;
}

const list = (values: unknown) => (values as unknown[]).map((v) => JSON.stringify(v)).join(', ');

function describe(root: string, error: SchemaError): string {
  const p = error.params;
  const at = fieldPath(root, error.instancePath);
  switch (error.keyword) {
    case 'required':
      return `${fieldPath(root, error.instancePath, String(p.missingProperty))}: required`;
    case 'additionalProperties':
      return `${fieldPath(root, error.instancePath, String(p.additionalProperty))}: unknown field`;
    case 'discriminator':
      return `${fieldPath(root, error.instancePath, String(p.tag))}: expected "decision" or "shown"`;
    case 'type': {
      const type = String(p.type);
      if (error.instancePath === '' && type.startsWith('object'))
        return `${at}: expected a receipt object or an array of up to 50`;
      return `${at}: expected ${type.replace(',', ' or ')}`;
    }
    case 'const':
      return `${at}: expected ${JSON.stringify(p.allowedValue)}`;
    case 'enum':
      return `${at}: expected one of ${list(p.allowedValues)}`;
    case 'format':
      return `${at}: expected an ISO 8601 date-time (${String(p.format)})`;
    case 'pattern':
      return `${at}: expected a string matching ${String(p.pattern)}`;
    case 'propertyNames':
      return `${fieldPath(root, error.instancePath, String(p.propertyName))}: not a valid category id`;
    case 'minLength':
      return `${at}: expected at least ${String(p.limit)} character${p.limit === 1 ? '' : 's'}`;
    case 'maxLength':
      return `${at}: expected at most ${String(p.limit)} characters`;
    case 'minItems':
      return `${at}: expected at least ${String(p.limit)} receipt`;
    case 'maxItems':
      return `${at}: expected at most ${String(p.limit)} receipts in one request`;
    case 'minProperties':
      return `${at}: expected at least ${String(p.limit)} entr${p.limit === 1 ? 'y' : 'ies'}`;
    case 'maxProperties':
      return `${at}: expected at most ${String(p.limit)} entries`;
    case 'minimum':
    case 'maximum':
      return `${at}: expected a number ${String(p.comparison)} ${String(p.limit)}`;
    default:
      return `${at}: ${error.message ?? error.keyword}`;
  }
}

/** One message for a failed validation: each distinct problem once, joined by `; `. */
export function validationMessage(root: string, errors: readonly SchemaError[]): string {
  const messages = errors.filter((e) => !WRAPPERS.has(e.keyword)).map((e) => describe(root, e));
  return [...new Set(messages.length ? messages : errors.map((e) => describe(root, e)))].join('; ');
}
