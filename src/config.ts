import { z } from 'zod';

/** `https://host[:port]` exactly as browsers send it in the Origin header. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

/**
 * Service configuration, read once from the environment and validated, so that a typo in a
 * variable fails at start-up with a message naming it rather than later with a driver error.
 */
const EnvSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'must be a bolt:// or neo4j:// URI')
    .optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default('neo4j'),
  NEO4J_DATABASE: z.string().optional(),
  NEO4J_LOCAL_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_LOCAL_HEAP: z.string().regex(/^\d+[mg]$/i, 'like 512m or 2g').default('1g'),
  DATA_DIR: z.string().default('.data'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  SEEDS_DIR: z.string().default('seeds'),
  API_KEY: z.string().min(16, 'use at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const origins = value.split(',').map((o) => o.trim()).filter((o) => o !== '');
      for (const origin of origins) {
        if (origin !== '*' && !isOrigin(origin)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${origin}" is not an origin like https://analytics.example.org (scheme, host, optional port; no path)` });
      }
      if (origins.includes('*') && origins.length > 1) ctx.addIssue({ code: z.ZodIssueCode.custom, message: '"*" allows every origin: give it alone' });
      return origins;
    }),
});

export type Config = z.infer<typeof EnvSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}
