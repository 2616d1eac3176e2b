export default async function globalTeardown(): Promise<void> {
  await globalThis.__FLOWGATE_DDB__?.stop();
  globalThis.__FLOWGATE_DDB__ = undefined;
}
