// The commands of goal-coach: one line per command.
import type { Command } from 'commander';
import { analyzeCommand } from './analyze';
import { syncCommand } from './sync';

export const commands: (() => Command)[] = [analyzeCommand, () => syncCommand()];
