// Types for transport.ts's import of undici's Agent by its file: undici declares its types for the
// package's index only, and the Agent is the same class there.
declare module 'undici/lib/dispatcher/agent.js' {
  import type { Agent } from 'undici';

  const AgentClass: typeof Agent;
  export default AgentClass;
}
