/** The format steps in order: step i turns format i + 1 into format i + 2. A new format adds one step here. */
import type { MigrationStep } from './step.js';
import { V1_TO_V2 } from './v1-to-v2.js';

export const STEPS: readonly MigrationStep[] = [V1_TO_V2];
