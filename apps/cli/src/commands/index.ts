import type { Command } from '../command.ts';
import { auditAnchorCommand } from './audit-anchor.ts';
import { auditSealCommand } from './audit-seal.ts';
import { auditVerifyCommand } from './audit-verify.ts';
import { backupCommand } from './backup.ts';
import { deadlineCommand } from './deadline.ts';
import { migrateCommand } from './migrate.ts';
import { restoreCommand } from './restore.ts';
import { seedDemoCommand } from './seed-demo.ts';
import { syntheticLoadCommand } from './synthetic-load.ts';
import { userCreateCommand } from './user-create.ts';
import { userResetPasswordCommand } from './user-reset-password.ts';
import { userDisableCommand, userEnableCommand } from './user-set-active.ts';

/** Every `refugio` command, in the order --help lists them. A new command is one file plus one line here. */
export const COMMANDS: readonly Command[] = [
  migrateCommand,
  seedDemoCommand,
  userCreateCommand,
  userResetPasswordCommand,
  userDisableCommand,
  userEnableCommand,
  auditVerifyCommand,
  auditAnchorCommand,
  auditSealCommand,
  deadlineCommand,
  backupCommand,
  restoreCommand,
  syntheticLoadCommand,
];
