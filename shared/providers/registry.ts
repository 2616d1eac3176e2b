import { createCustomProvider, integrationIdOf, type CustomIntegrationConfig } from './custom';
import { data } from './data';
import { discord } from './discord';
import { github } from './github';
import { groq } from './groq';
import { http } from './http';
import { notion } from './notion';
import { openai } from './openai';
import { openaiCompatible } from './openai-compatible';
import { slack } from './slack';
import { stripe } from './stripe';
import { telegram } from './telegram';
import { webhook } from './webhook';
import { describeProviders, type ProviderListing } from './listing';
import type { ProviderDefinition } from './types';

/**
 * The provider registry: one static object. Adding a provider is its folder plus one line
 * here; the /api/providers listing, plan validation and the engine all derive from it.
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

export type BuiltInProviderName = keyof typeof providers;

export const BUILT_IN_PROVIDER_NAMES = Object.keys(providers) as BuiltInProviderName[];

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
  return Object.hasOwn(providers, name) ? providers[name as BuiltInProviderName] : undefined;
}

export function listProviders(): ProviderDefinition[] {
  return Object.values(providers);
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
export async function providerListingFor(userId: string, deps: ResolveDeps): Promise<ProviderListing> {
  return describeProviders(await listProvidersFor(userId, deps));
}

export { validateStep, type StepIssue, type StepValidation, type ValidateStepOptions } from './validate-step';
export { describeProviders, describeProvider, type ProviderListing } from './listing';
export { customProviderName, integrationIdOf, type CustomIntegrationConfig } from './custom';
