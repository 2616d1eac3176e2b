import { providerFromManifest } from '../../../shared/providers/manifest/manifest-provider';
import type { ProviderManifest } from '../../../shared/providers/manifest/manifest-schema';
import type { ProviderDefinition } from '../../../shared/providers/types';
import type { FakeServer } from './fake-server';

/**
 * A catalogue provider pointed at a loopback fake: the manifest's own URL with the fake's
 * origin, so the fake sees exactly the path and query the vendor would.
 */
export const wireProvider = (manifest: ProviderManifest, fake: FakeServer): ProviderDefinition =>
  providerFromManifest(manifest, { origin: fake.url });
