/**
 * What `npm start` prints once the stack is up: where everything is, where each model
 * name goes, and a copy-pasteable way to try it. Pure, so the text is unit-tested.
 */
import type { ModelConfig } from '../../shared/gateway/model-config';
import { ModelRouter } from '../../shared/gateway/model-router';

export interface BannerInput {
  apiUrl: string;
  demo: { key: string; email: string; created: boolean };
  dynamodbEndpoint: string;
  tableName: string;
  /** undefined: in memory. */
  dataDir: string | undefined;
  startupMs: number;
  /** Where the direct backend and the Morpheus router are, as the routing lines name them. */
  upstreams: { direct: string; morpheus: string };
  models: ModelConfig;
  /** The gateway's automation switch (AUTOMATION_FEATURE_ENABLED). */
  automation: boolean;
  outboundAllow: string | undefined;
  /** Where EMF metric lines go unless --verbose: a file, or undefined when discarded. */
  metricsFile: string | undefined;
  drainSeconds: number;
}

/** `name → backend model (where)`, one per mapped name, `default` first. */
export function routingLines(models: ModelConfig, upstreams: BannerInput['upstreams']): string[] {
  const router = new ModelRouter(models, { strict: false });
  const rows = [
    { name: 'default', target: router.route('default').target },
    ...router.list().map(({ name, target }) => ({ name, target })),
  ];
  const width = Math.max(...rows.map((row) => row.name.length));
  return rows.map(
    ({ name, target }) =>
      `${name.padEnd(width)} → ${target.backend} ${target.model} (${upstreams[target.backend]})`,
  );
}

function outboundLine(allow: string | undefined): string {
  return allow
    ? `providers may also call ${allow} (OUTBOUND_ALLOW_CIDRS; empty in AWS, where only public addresses are allowed)`
    : 'providers may call public addresses only (OUTBOUND_ALLOW_CIDRS is empty)';
}

function automationLine(on: boolean): string {
  return on
    ? "on (the switch and the demo user's setting): chat opens a model session by itself; both are off by default in AWS"
    : 'off (AUTOMATION_FEATURE_ENABLED=false): chat needs a model session opened first';
}

const indentRest = (lines: string[], indent: string) => lines.join(`\n${indent}`);

export function banner(input: BannerInput): string {
  const where = input.dataDir === undefined ? '  (in memory)' : `  (data in ${input.dataDir})`;
  const metrics = input.metricsFile
    ? `EMF metric lines go to ${input.metricsFile} (--verbose prints them)`
    : 'EMF metric lines are discarded in memory (--verbose prints them)';
  return `
Flowgate local stack ready in ${input.startupMs} ms

  API         ${input.apiUrl}
  Demo key    ${input.demo.key}   (user ${input.demo.email}${input.demo.created ? ', created now' : ''})
  DynamoDB    ${input.dynamodbEndpoint}  table ${input.tableName}${where}
  Models      ${indentRest(routingLines(input.models, input.upstreams), '              ')}
  Automation  ${automationLine(input.automation)}
  Outbound    ${outboundLine(input.outboundAllow)}
  Metrics     ${metrics}

Try it:

  export FLOWGATE_URL=${input.apiUrl}
  export FLOWGATE_KEY=${input.demo.key}

  curl -s $FLOWGATE_URL/api/v1/chat/completions -H "Authorization: Bearer $FLOWGATE_KEY" -H 'Content-Type: application/json' -d '{"model":"gpt-4o","messages":[{"role":"user","content":"Hello"}]}'
  node infra/local/examples/chat.mjs     # the same with the official openai SDK, streamed too

  The README's quick start goes on from here; the API's OpenAPI document is $FLOWGATE_URL/api/openapi.json.

Ctrl-C stops everything (in-flight requests get up to ${input.drainSeconds} s to finish).
`;
}
