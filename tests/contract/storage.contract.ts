import { describe } from 'vitest';
import { describeCallbacks } from './cases/callbacks.js';
import { describeConversations } from './cases/conversations.js';
import { describeIntegrity } from './cases/integrity.js';
import { describeQueue } from './cases/queue.js';
import { describeWorkbench } from './cases/workbench.js';
import type { ContractFactory } from './harness.js';

export type { ContractFactory, ContractHarness, ContractOpenOptions } from './harness.js';

/**
 * The storage contract: the behaviour src/storage/types.ts documents, run unchanged against every adapter.
 * `factory` opens a fresh, empty database with a storage on it for each test (see ./harness.ts).
 */
export function describeStorageContract(name: string, factory: ContractFactory): void {
  describe(`storage contract: ${name}`, () => {
    describe('conversations', () => describeConversations(factory));
    describe('queue and dossiers', () => describeQueue(factory));
    describe('workbench', () => describeWorkbench(factory));
    describe('call-backs and settings', () => describeCallbacks(factory));
    describe('integrity', () => describeIntegrity(factory));
  });
}
