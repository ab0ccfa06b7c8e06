import type { ConditionKind, InvestigationStep } from '../model/types';

/** A symptom one investigation step shows, and the classes of failure that look like it. */
export interface Signature {
  kinds: readonly ConditionKind[];
  text: string;
}

/**
 * What each step shows for each class of failure, in plain SRE words. Under a step the signatures
 * split the classes into groups that look alike; a sharp clue names the group of the true class.
 * The recent-deploys step is worked out from the deploy record instead (see `deployClue`).
 */
export const SIGNATURES = {
  dashboards: [
    {
      kinds: ['capacity', 'retry-storm'],
      text: 'CPU and queue depth pinned at the limit; request rate far above normal',
    },
    { kinds: ['config', 'deploy'], text: 'error rate jumped in one step at a single moment; traffic is normal' },
    { kinds: ['dependency', 'certificate'], text: 'calls to other systems failing or timing out; our own CPU is idle' },
    {
      kinds: ['data', 'duplicate-delivery'],
      text: 'latency and error rate look normal, but the business numbers are off',
    },
    { kinds: ['alert-noise'], text: 'every graph is healthy; only the alert itself is red' },
  ],
  logs: [
    { kinds: ['capacity'], text: "timeouts everywhere and 'worker pool exhausted'" },
    { kinds: ['retry-storm', 'dependency'], text: 'the same calls retried again and again against a slow upstream' },
    { kinds: ['config'], text: "'invalid value' errors for one setting, starting at one moment" },
    { kinds: ['deploy'], text: 'a new stack trace that never appeared before this version' },
    { kinds: ['certificate'], text: 'TLS handshakes failing: a certificate has expired' },
    { kinds: ['data', 'duplicate-delivery'], text: 'the same records written twice, or rows that fail validation' },
    { kinds: ['alert-noise'], text: 'nothing unusual in the logs at all' },
  ],
  dependency: [
    { kinds: ['dependency'], text: 'an upstream service is failing its health checks' },
    {
      kinds: [
        'capacity',
        'config',
        'deploy',
        'data',
        'certificate',
        'retry-storm',
        'duplicate-delivery',
        'alert-noise',
      ],
      text: 'every upstream service is healthy; the trouble is here',
    },
  ],
  runbook: [
    { kinds: ['capacity'], text: "matches the runbook's 'saturation' page: scale up or restart" },
    { kinds: ['config', 'deploy'], text: "matches the runbook's 'bad change' page: roll back or switch the flag off" },
    { kinds: ['dependency', 'data'], text: "matches the runbook's 'upstream or storage failure' page: fail over" },
    { kinds: ['certificate', 'alert-noise'], text: "matches the runbook's 'stuck or stale process' page: restart" },
    {
      kinds: ['retry-storm', 'duplicate-delivery'],
      text: "matches the runbook's 'runaway traffic' page: switch the feature flag off",
    },
  ],
  expert: [
    { kinds: ['capacity'], text: '"Seen this before: it runs out of capacity under load."' },
    { kinds: ['config'], text: '"Seen this before: somebody changed a setting."' },
    { kinds: ['deploy'], text: '"Seen this before: a bug in the new code."' },
    { kinds: ['dependency'], text: '"Seen this before: the service we call is down."' },
    { kinds: ['data'], text: '"Seen this before: bad data in the store."' },
    { kinds: ['certificate'], text: '"Seen this before: a certificate expired."' },
    { kinds: ['retry-storm'], text: '"Seen this before: clients retrying in a storm."' },
    { kinds: ['duplicate-delivery'], text: '"Seen this before: messages delivered and processed twice."' },
    { kinds: ['alert-noise'], text: '"Seen this before: a noisy alert, nothing is really broken."' },
  ],
} as const satisfies Record<Exclude<InvestigationStep, 'deploys'>, readonly Signature[]>;

/** The classes a bad change can cause: a rollback helps these when a deploy went out recently. */
export const CHANGE_KINDS: readonly ConditionKind[] = ['config', 'deploy'];

/** The player's words for each step, as a button says it. */
export const STEP_LABELS: Record<InvestigationStep, string> = {
  dashboards: 'Dashboards',
  logs: 'Logs',
  deploys: 'Recent deploys',
  dependency: 'Dependency health',
  runbook: 'Runbook',
  expert: 'Ask the expert',
};
