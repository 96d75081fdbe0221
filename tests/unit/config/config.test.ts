import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/index.js';

describe('loadConfig', () => {
  it('gives defaults that let a fresh machine start', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/app/data',
      knowledgeDir: '/srv/app/knowledge',
      modelDir: '/srv/app/models',
      wardSettingsFile: '/srv/app/knowledge/ward-settings.example.yaml',
      logLevel: 'info',
      trustProxy: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads values and resolves paths', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATA_DIR: '/var/lib/ward', TRUST_PROXY: 'true', LOG_LEVEL: 'debug' }, '/srv');
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/var/lib/ward', trustProxy: true, logLevel: 'debug' });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '3.5'],
    ['LOG_LEVEL', 'loud'],
    ['TRUST_PROXY', 'maybe'],
    ['EMBEDDER', 'gpt'],
    ['KIOSK_ADDRESSES', '192.168.1.300'],
    ['KIOSK_ADDRESSES', '10.0.0.0/40'],
    ['CHAT_MAX_CONNECTIONS_PER_IP', '0'],
    ['DOSSIERS_PER_MINUTE', 'many'],
  ])('names the variable when %s=%s is wrong', (name, value) => {
    let caught: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as Error).message;
    expect(message).toContain(`${name}="${value}"`);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('reads the limits and the kiosks, and never echoes a kiosk token', () => {
    const config = loadConfig({ CHAT_MAX_CONNECTIONS_PER_IP: '5', DOSSIERS_PER_MINUTE: '3', KIOSK_ADDRESSES: '192.168.1.21, 10.0.0.0/24,fd00::/64', KIOSK_TOKENS: 'kiosk-token-0123456789' });
    expect(config).toMatchObject({ chatMaxConnectionsPerIp: 5, dossiersPerMinute: 3, kioskAddresses: ['192.168.1.21', '10.0.0.0/24', 'fd00::/64'], kioskTokens: ['kiosk-token-0123456789'] });
    expect(loadConfig({})).toMatchObject({ chatMaxConnectionsPerIp: 20, dossiersPerMinute: 5, kioskAddresses: [], kioskTokens: [] });
    expect(() => loadConfig({ KIOSK_TOKENS: 'short-secret' })).toThrow(/^Invalid setting KIOSK_TOKENS: expected/);
  });

  it('keeps voice input off by default and reads the speech settings', () => {
    const defaults = loadConfig({});
    expect(defaults.asr).toBeUndefined();
    expect(defaults.speech).toEqual({ workers: 1, cacheBytes: 64 * 1024 * 1024, wordsPerMinute: 150, requestsPerMinutePerIp: 120 });
    const set = loadConfig({ ASR_URL: 'http://10.0.0.5:8080/v1', ASR_API_KEY: 'secret-key', SPEECH_WORKERS: '2', SPEECH_CACHE_MB: '8' });
    expect(set.asr).toEqual({ url: 'http://10.0.0.5:8080/v1', model: 'whisper-1', apiKey: 'secret-key', timeoutMs: 15_000, maxBytes: 2_000_000 });
    expect(set.speech).toMatchObject({ workers: 2, cacheBytes: 8 * 1024 * 1024 });
    expect(() => loadConfig({ ASR_URL: 'not a url' })).toThrow(/ASR_URL/);
  });

  it('reads the model hub mirror for models:pull (unset = the public hub)', () => {
    expect(loadConfig({}).hfEndpoint).toBeUndefined();
    expect(loadConfig({ HF_ENDPOINT: 'https://hf-mirror.example' }).hfEndpoint).toBe('https://hf-mirror.example');
    expect(() => loadConfig({ HF_ENDPOINT: 'ftp://mirror' })).toThrow(/^Invalid setting HF_ENDPOINT="ftp:\/\/mirror": expected/);
  });
});
