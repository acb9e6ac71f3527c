import { afterAll } from 'vitest';
import { dropTestDatabases } from './harness';

// The vitest project "postgres" only: a test file's servers leave no schema behind, even those it only closed.
afterAll(() => dropTestDatabases());
