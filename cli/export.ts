import type { Command } from './args.js';
import { UsageError } from './args.js';

export async function runExport(_command: Extract<Command, { command: 'export' }>): Promise<number> {
    throw new UsageError('export is not available yet');
}
