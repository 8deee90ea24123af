import { z } from 'zod';

/**
 * What AFAS Profit sends, as far as this product relies on it. Parsing is generous where AFAS is
 * known to vary (nulls for empty values, missing optional blocks) and strict where a wrong shape
 * would mislead (rows must be flat records).
 */

const text = z.string().nullish().transform((value) => value ?? '');
const optionalText = z.string().nullish().transform((value) => value ?? undefined);
const optionalNumber = z.number().nullish().transform((value) => value ?? undefined);

export const afasValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const connectorPageSchema = z.object({
  // Echoed as asked; AFAS's "everything" idiom is -1, so no lower bound.
  skip: z.number().int(),
  take: z.number().int(),
  rows: z.array(z.record(z.string(), afasValueSchema)),
});

const connectorRefSchema = z.object({ id: z.string().min(1), description: text });

export const metaInfoSchema = z.object({
  getConnectors: z.array(connectorRefSchema),
  updateConnectors: z.array(connectorRefSchema).nullish().transform((value) => value ?? []),
  info: z
    .object({ envid: optionalText, appName: optionalText, group: optionalText, tokenExpiry: optionalText })
    .nullish()
    .transform((value) => value ?? {}),
});

export const connectorMetaSchema = z.object({
  name: text,
  description: text,
  fields: z.array(
    z
      .object({
        id: z.string().min(1),
        fieldId: optionalText,
        dataType: text,
        label: text,
        length: optionalNumber,
        controlType: optionalNumber,
        decimals: optionalNumber,
        decimalsFieldId: optionalText,
      })
      // Some environments leave fieldId out; the field is then known by its id alone.
      .transform((field) => ({ ...field, fieldId: field.fieldId ?? field.id })),
  ),
});

export const profitVersionSchema = z.object({
  version: z.union([z.string().min(1), z.number()]).transform(String),
});

export const otpValidationSchema = z.object({ token: z.string() });

/** The body of a 500: AFAS's functional error. Every part is optional because proxies differ. */
export const functionalErrorSchema = z.object({
  externalMessage: optionalText,
  errorNumber: z.union([z.string(), z.number()]).nullish(),
  profitLogReference: optionalText,
});

/** The body of a 503 may repeat the Retry-After header as `retry_after`. */
export const unavailableSchema = z.object({ retry_after: z.union([z.number(), z.string()]).nullish() });
