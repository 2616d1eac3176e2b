import { createCustomProvider, integrationIdOf, type CustomIntegrationConfig } from './custom';
import { data } from './data';
import { discord } from './discord';
import { github } from './github';
import { groq } from './groq';
import { http } from './http';
import { notion } from './notion';
import { openai } from './openai';
import { openaiCompatible } from './openai-compatible';
import { OPENAI_COMPATIBLE_APIS } from './openai-compatible/catalog';
import { createOpenAiCompatibleProvider } from './openai-compatible/factory';
import { slack } from './slack';
import { stripe } from './stripe';
import { telegram } from './telegram';
import { webhook } from './webhook';
import { CATALOG_MANIFESTS } from './catalog';
import { providerFromManifest } from './manifest/manifest-provider';
import type { ProviderManifest } from './manifest/manifest-schema';
import { describeProviders, type ProviderListing, type ProviderListQuery } from './listing';
import type { ProviderDefinition } from './types';

/**
 * The code-backed providers: one static object, for what is not plain REST or predates the
 * manifests. Adding one is its folder plus one line here.
 */
export const providers = {
  openai,
  groq,
  openai_compatible: openaiCompatible,
  http,
  webhook,
  slack,
  notion,
  stripe,
  discord,
  telegram,
  github,
  data,
} as const satisfies Record<string, ProviderDefinition>;

export type CodeProviderName = keyof typeof providers;

export const CODE_PROVIDER_NAMES = Object.keys(providers) as CodeProviderName[];

/** The other OpenAI-compatible APIs: data for the one factory (./openai-compatible/catalog.ts). */
const compatible = new Map<string, ProviderDefinition>(
  OPENAI_COMPATIBLE_APIS.map((options) => [options.name, createOpenAiCompatibleProvider(options)]),
);

/**
 * The manifests by name. A manifest becomes a provider (parsed, params compiled) the first
 * time it is used, so a cold start pays only for the providers its requests name; the
 * listing and the tests build them all.
 */
const manifests = new Map<string, ProviderManifest>(CATALOG_MANIFESTS.map((m) => [m.name, m]));
const built = new Map<string, ProviderDefinition>();

function fromManifest(name: string): ProviderDefinition | undefined {
  let provider = built.get(name);
  if (!provider) {
    const manifest = manifests.get(name);
    if (!manifest) return undefined;
    provider = providerFromManifest(manifest);
    built.set(name, provider);
  }
  return provider;
}

/** Every built-in provider's name: the code-backed ones, the OpenAI-compatible APIs, the manifests. */
export const BUILT_IN_PROVIDER_NAMES: readonly string[] = [
  ...CODE_PROVIDER_NAMES,
  ...compatible.keys(),
  ...CATALOG_MANIFESTS.map((m) => m.name),
];

/** Where the caller's custom integrations come from (the integrations repository in production). */
export interface CustomIntegrationSource {
  /** The user's integration, or undefined: never another user's. */
  find(userId: string, integrationId: string): Promise<CustomIntegrationConfig | undefined>;
  list(userId: string): Promise<CustomIntegrationConfig[]>;
}

export interface ResolveDeps {
  integrations: CustomIntegrationSource;
}

/** A built-in provider by name (no I/O). */
export function getProvider(name: string): ProviderDefinition | undefined {
  if (Object.hasOwn(providers, name)) return providers[name as CodeProviderName];
  return compatible.get(name) ?? fromManifest(name);
}

export function listProviders(): ProviderDefinition[] {
  return BUILT_IN_PROVIDER_NAMES.map((name) => getProvider(name)!);
}

/**
 * Any provider a user's plan may name: a built-in one, or `custom_<id>` when that
 * integration belongs to this user. Another user's integration resolves to undefined,
 * exactly like one that does not exist.
 */
export async function resolveProvider(
  name: string,
  userId: string,
  deps: ResolveDeps,
): Promise<ProviderDefinition | undefined> {
  const builtIn = getProvider(name);
  if (builtIn) return builtIn;
  const integrationId = integrationIdOf(name);
  if (!integrationId) return undefined;
  const config = await deps.integrations.find(userId, integrationId);
  return config ? createCustomProvider(config) : undefined;
}

/** Every provider the user can use: the built-ins, then their custom integrations. */
export async function listProvidersFor(userId: string, deps: ResolveDeps): Promise<ProviderDefinition[]> {
  const custom = await deps.integrations.list(userId);
  return [...listProviders(), ...custom.map(createCustomProvider)];
}

/** The body of GET /api/providers for this user. */
export async function providerListingFor(
  userId: string,
  deps: ResolveDeps,
  query: ProviderListQuery = {},
): Promise<ProviderListing> {
  return describeProviders(await listProvidersFor(userId, deps), query);
}

export { validateStep, type StepIssue, type StepValidation, type ValidateStepOptions } from './validate-step';
export { describeProviders, describeProvider, ProviderListQuery, type ProviderListing } from './listing';
export { customProviderName, integrationIdOf, type CustomIntegrationConfig } from './custom';
