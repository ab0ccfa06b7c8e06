/**
 * The real incidents behind the campaign's levels: a few facts each, kept modest and told as their public
 * write-ups tell them, with the link to read the whole story. `docs/campaign.md` cites each one.
 */

export interface Source {
  title: string;
  url: string;
}

export interface LevelStory {
  /** Who and when. */
  incident: string;
  /** Three or four facts from the public write-up. */
  facts: readonly string[];
  sources: readonly Source[];
  /** How this level's week echoes it. */
  here: string;
  /** What the level teaches. */
  objective: string;
}

export const STORIES = {
  'untested-backups': {
    incident: 'GitLab.com, 31 January 2017',
    facts: [
      'Late at night, fighting database load and replication lag, an engineer deleted the data directory on what he took for the secondary database. It was the primary.',
      'None of the backup and replication mechanisms in place worked as expected when they were needed.',
      'The site came back from a copy about six hours old that had been taken for another reason; about six hours of issues, merge requests, comments and new accounts were lost.',
      'GitLab streamed the recovery and published a detailed, blameless postmortem.',
    ],
    sources: [
      {
        title: 'GitLab: Postmortem of database outage of January 31',
        url: 'https://about.gitlab.com/blog/2017/02/10/postmortem-of-database-outage-of-january-31/',
      },
    ],
    here: 'Patchbay’s database fell behind last week and was only restarted; that retro is still owed. Its runbook is old and only Ines really knows it. On Thursday night the database will be put to the test.',
    objective:
      'A recovery nobody has rehearsed is a hope, not a plan: drill the failure, review last week’s trouble deeply, and fix what they show before it matters.',
  },
  'blast-radius': {
    incident: 'Amazon S3 in us-east-1, 28 February 2017',
    facts: [
      'Debugging the S3 billing system, an engineer ran a command from an established playbook to remove a small number of servers. One input was mistyped and a much larger set was removed.',
      'Those servers supported two subsystems that every request needed; both had to be restarted in full, which took hours.',
      'Other AWS services in the region that rely on S3 were impaired as well.',
      'AWS changed the tool to remove capacity more slowly and to refuse to go below a subsystem’s minimum.',
    ],
    sources: [
      {
        title: 'AWS: Summary of the Amazon S3 Service Disruption in the Northern Virginia (US-EAST-1) Region',
        url: 'https://aws.amazon.com/message/41926/',
      },
    ],
    here: 'Every service of this shop keeps its files in the Object Store. On Tuesday morning someone runs its capacity tool with a mistyped input.',
    objective:
      'Know what depends on what: when a shared service fails, everything above it burns. Put the fire out at its source before it spreads, then put a guard rail on the tool that started it.',
  },
  'global-deploy': {
    incident: 'Cloudflare, 2 July 2019',
    facts: [
      'A new firewall (WAF) rule contained a regular expression that backtracked badly. Rules went to every Cloudflare site at once, in seconds.',
      'CPUs handling web traffic everywhere went to nearly 100%: for 27 minutes visitors to Cloudflare-protected sites saw errors.',
      'The team switched the firewall off globally, then reverted the rule; afterwards rule changes were to roll out in stages, like code.',
    ],
    sources: [
      {
        title: 'Cloudflare: Details of the Cloudflare outage on July 2, 2019',
        url: 'https://blog.cloudflare.com/details-of-the-cloudflare-outage-on-july-2-2019/',
      },
    ],
    here: 'This edge network ships its firewall rules everywhere at once. On Tuesday afternoon a bad one goes out.',
    objective:
      'When a change has just gone out, undo it first and diagnose after; then make changes reach a few places before all of them.',
  },
  'dead-code': {
    incident: 'Knight Capital, 1 August 2012',
    facts: [
      'New code was deployed to the servers of Knight’s order router, but one of the eight servers was missed and still held old code nobody used.',
      'A flag that had once switched that old code on was reused for the new feature. When orders came in that morning, the old code woke up on that server.',
      'In about 45 minutes it sent millions of orders into the market; Knight lost about $460 million.',
    ],
    sources: [
      {
        title: 'U.S. SEC: In the Matter of Knight Capital Americas LLC (Release No. 70694, 2013)',
        url: 'https://www.sec.gov/litigation/admin/2013/34-70694.pdf',
      },
    ],
    here: 'The Order Router still carries an old code path nobody runs. Last week the router hiccuped and was restarted; its retro is still owed. The market opens on Thursday at 09:30.',
    objective:
      'Systems always run with hidden weaknesses, and the ones nobody looks at are the ones that fire: dig deep in reviews led by someone who was not involved, drill, and remove what you no longer run.',
  },
  'own-tools': {
    incident: 'Facebook, 4 October 2021',
    facts: [
      'During routine maintenance, a command meant to assess the capacity of the global backbone took all of its connections down; a bug in the audit tool failed to stop it.',
      'Cut off from the data centers, Facebook’s DNS servers withdrew their routes: Facebook, Instagram, WhatsApp and Messenger vanished from the internet for about six hours.',
      'The tools engineers would use to investigate ran over the same network, and engineers had to go to the data centers in person.',
    ],
    sources: [
      {
        title: 'Engineering at Meta: More details about the October 4 outage',
        url: 'https://engineering.fb.com/2021/10/05/networking-traffic/outage-details/',
      },
    ],
    here: 'The feed, messages and the internal tools all run over one Backbone, and only Abby really knows it. On Tuesday afternoon a maintenance command hits it.',
    objective:
      'Know what your own response depends on: when the platform under everything fails, take command across teams at once, and make sure more than one person can fix it.',
  },
  'cold-cache': {
    incident: 'Slack, 4 January 2021',
    facts: [
      'It was the first working day of the year: many people came back from the holidays at once, and their apps started with cold caches, asking for more than usual.',
      'Parts of the network between Slack’s servers did not scale up fast enough; errors rose, and Slack’s own dashboards and alerting went down during the incident.',
      'Slack was degraded for several hours that morning.',
    ],
    sources: [
      {
        title: 'Slack Engineering: Slack’s Outage on January 4th 2021',
        url: 'https://slack.engineering/slacks-outage-on-january-4th-2021/',
      },
    ],
    here: 'A quiet week between the holidays. On Thursday morning everyone comes back at once; the game announces it on Monday.',
    objective:
      'A peak you can see coming is one you can prepare for: find the limits the crowd will hit (drills, near-miss reviews) and guard them before it arrives.',
  },
  'you-build-it': {
    incident: 'Amazon, 2006: “You build it, you run it”',
    facts: [
      'In a 2006 interview, Amazon’s CTO Werner Vogels described giving developers operational responsibility for their services: “You build it, you run it.”',
      'He said it brought developers into day-to-day contact with how their software runs and with customers, and greatly improved the services.',
      'Ten years later Alice Goldfuss put it as: “Put your developers on-call. You’ll be surprised what stops breaking.” (This level’s story comes from an interview and an essay, not from an outage.)',
    ],
    sources: [
      {
        title: 'ACM Queue: A Conversation with Werner Vogels (2006)',
        url: 'https://queue.acm.org/detail.cfm?id=1142065',
      },
      {
        title: 'Alice Goldfuss: No More On-Call Martyrs (SysAdvent 2016)',
        url: 'http://sysadvent.blogspot.com/2016/12/day-6-no-more-on-call-martyrs.html',
      },
    ],
    here: 'Two product teams ship all week while an ops team carries every pager. The developers never hear what their changes do.',
    objective:
      'Put the people who build a service on call for it: each page they answer teaches them what breaks, and their next changes break less.',
  },
  'status-page': {
    incident: 'Atlassian, April 2022',
    facts: [
      'On 5 April 2022 a maintenance script meant to remove a retired app deleted whole customer sites instead: it had been given the sites’ IDs.',
      'Several hundred customers lost Jira, Confluence and other products; some waited about two weeks for their sites to come back.',
      'Atlassian’s own review says it should have acknowledged the incident earlier and through more channels, and it committed to a playbook for communicating during large incidents.',
    ],
    sources: [
      {
        title: 'Atlassian: Post-Incident Review on the Atlassian April 2022 outage',
        url: 'https://www.atlassian.com/engineering/post-incident-review-april-2022-outage',
      },
    ],
    here: 'A work-tracking service whose clean-up script is about to run against customer sites. Nobody owns what customers are told.',
    objective:
      'Customers forgive an outage sooner than silence: someone owns communication on every incident, the first word goes out early, and updates keep coming while it burns.',
  },
} as const satisfies Record<string, LevelStory>;

export type LevelId = keyof typeof STORIES;
