// `npm run sandbox`: the Self Care Sandbox alone, on SANDBOX_PORT.
import { loadConfig } from '../config.ts';
import { exitOnSignals } from '../shutdown.ts';
import { startSandbox } from './start.ts';

const { sandbox } = await startSandbox(loadConfig().sandbox);
exitOnSignals(() => sandbox.close());
