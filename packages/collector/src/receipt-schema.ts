// The JSON schema of POST /v1/receipts: exactly the `Receipt` and `ShownEvent` of
// @consentgate/core (packages/core/src/receipt.ts), one object or an array of up to 50.
// Fastify validates with it through its ajv; test/receipt-schema.test.ts keeps it in step with
// the TypeScript types.

/** The most receipts one request may carry. */
export const MAX_BATCH = 50;

// Bounds against abuse, well above what the gate sends.
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const nullable = (schema: Record<string, unknown>) => ({ ...schema, type: [schema.type, 'null'] });

const jurisdiction = {
  type: ['object', 'null'],
  required: ['region', 'model'],
  additionalProperties: false,
  properties: {
    region: { type: ['string', 'null'], pattern: '^[A-Z]{2}(-[A-Z0-9]{1,3})?$' },
    model: { enum: ['opt-in', 'opt-out', 'notice'] },
  },
};

const common = {
  v: { const: 2 },
  key: text(200),
  timestamp: { type: 'string', format: 'date-time', maxLength: 40 },
  policyVersion: text(100),
  locale: text(35),
  jurisdiction,
  sdkVersion: text(50),
  page: text(2048),
};

/** One decision (`Receipt`). */
export const decisionSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'type',
    'v',
    'key',
    'consentId',
    'seq',
    'timestamp',
    'policyVersion',
    'policyUrl',
    'noticeHash',
    'locale',
    'choices',
    'action',
    'via',
    'guardian',
    'gpc',
    'jurisdiction',
    'sdkVersion',
    'page',
  ],
  properties: {
    type: { const: 'decision' },
    ...common,
    consentId: text(100),
    seq: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
    policyUrl: nullable(text(2048)),
    noticeHash: { type: ['string', 'null'], pattern: '^[0-9a-f]{64}$' },
    choices: {
      type: 'object',
      minProperties: 1,
      maxProperties: 64,
      propertyNames: { pattern: '^[a-z][a-z0-9_]{0,63}$' },
      additionalProperties: { type: 'boolean' },
    },
    action: { enum: ['accept-all', 'reject-all', 'custom', 'reset'] },
    via: { enum: ['banner', 'preferences', 'placeholder', 'api', 'gpc', 'opt-out', 'unverified'] },
    apiMethod: { enum: ['acceptAll', 'rejectAll', 'update', 'reset'] },
    guardian: { type: 'boolean' },
    gpc: { type: 'boolean' },
    dropped: { type: 'integer', minimum: 0, maximum: 2_147_483_647 },
  },
};

/** One `ShownEvent`. */
export const shownSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'type',
    'v',
    'key',
    'timestamp',
    'layer',
    'policyVersion',
    'locale',
    'jurisdiction',
    'sdkVersion',
    'page',
  ],
  properties: {
    type: { const: 'shown' },
    ...common,
    layer: { enum: ['banner', 'notice', 'preferences'] },
  },
};

// `discriminator` makes ajv report the errors of the branch that `type` names, not of every branch.
const item = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [decisionSchema, shownSchema],
};

/** The request body: one receipt or shown event, or an array of 1 to 50 of them. */
export const bodySchema = {
  if: { type: 'array' },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else, not a promise.
  then: { type: 'array', minItems: 1, maxItems: MAX_BATCH, items: item },
  else: item,
};
