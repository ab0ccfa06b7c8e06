import { type AuthContext, type Client, Room, ServerError } from '@colyseus/core';
import { AUDIENCE_SHARD, audienceDown, audienceJoin, audienceUp, type SentTally } from '../src/protocol/audience';
import { addressOf } from './addresses';
import { type Budgets, serveWithin } from './budget';
import { toClient, toEveryone } from './outbox';
import { logRefusal } from './refusals';
import type { SharedBuckets } from './sharedCaps';
import { asResult, asTally, type KeptVote, VOTE_CHANNEL, type VoteBook } from './voteBook';

/** A phone votes a few times a minute at most; anything else is refused. */
const BUDGETS: Budgets<typeof audienceUp.schemas> = {
  vote: { perSecond: 1, burst: 5 },
  other: { perSecond: 0.2, burst: 2 },
};

/** An open vote as it leaves for phones: stamped with this server's clock, which their countdowns follow. */
const sent = (vote: KeptVote): SentTally => ({ ...asTally(vote), now: Date.now() });

/** What every audience room of a process shares. */
export interface AudienceHall {
  book: VoteBook;
  /** New devices per address, over every process: a phone that brings its token back costs nothing. */
  newDevices: SharedBuckets;
}

interface Phone {
  address: string;
  device: string;
  /** A new device's token, sent to the phone as it joins; null for a phone that brought its own back. */
  token: string | null;
}

/** Why a phone is not let in: it brings no device, and its address has had all the new devices it may. */
export const NO_NEW_DEVICE =
  'Too many new phones joined from this network: this one cannot vote yet (the presenter can allow more). It tries again every half minute.';

/**
 * The refusal, made once: the matchmaker reads only its code and message, and a script's hundreds of new phones
 * need no stack trace each (making them was a quarter of the check's time under a script's 580 phones).
 */
const noNewDevice = new ServerError(429, NO_NEW_DEVICE);

/**
 * The matchmaker's check, before any seat is kept for the phone: a phone that brings back its device's token
 * is let in; a new phone is given a device while its address has new devices left, and is refused otherwise
 * (one that could not vote would only cost a seat, a web socket and every tally). The refusal is an HTTP
 * answer with its reason; the phone's page shows it and asks again later.
 */
export async function admitPhone(hall: AudienceHall, raw: unknown, context: AuthContext): Promise<Phone> {
  const address = addressOf(context);
  const asked = audienceJoin.safeParse(raw ?? {});
  const known = hall.book.deviceOf(asked.success ? asked.data.device : undefined);
  if (known) return { address, device: known, token: null };
  if (await hall.newDevices.take(address)) return { address, ...hall.book.newDevice() };
  logRefusal(address, 'audience device', 'too many new phones from this address');
  throw noNewDevice;
}

/** The audience room of one server: the matchmaker asks its hall about each phone before it keeps a seat. */
export function audienceRoomFor(hall: AudienceHall): typeof AudienceRoom {
  return class extends AudienceRoom {
    static override async onAuth(_token: string, raw: unknown, context: AuthContext): Promise<Phone> {
      return admitPhone(hall, raw, context);
    }
  };
}

/**
 * One room of the audience (at most `AUDIENCE_SHARD` phones; the matchmaker opens another when it is full).
 * A phone has one vote per device, kept by the device's token across drops and restarts; every room reads
 * the sum of all votes a few times a second and sends it on when it changed, and the opening and closing
 * of a vote reach every room over the presence. The sum goes out twice a second while it changes.
 */
export class AudienceRoom extends Room {
  /** No synchronised state: the patch loop only drives the room's clock (its intervals), four times a second. */
  override patchRate = 250;
  override maxClients = AUDIENCE_SHARD;
  private hall!: AudienceHall;
  private shown = '';
  private readonly everyone = audienceDown.to(toEveryone(this));
  private readonly onVoteChange = () => {
    this.hall.book.forget();
    void this.announce();
  };

  override onCreate(options: { hall: AudienceHall }): void {
    this.hall = options.hall;
    serveWithin(
      audienceUp,
      this,
      BUDGETS,
      { vote: (client, m) => void this.vote(client, m.option) },
      (client, reason) => this.to(client).refused({ reason }),
    );
    void this.presence.subscribe(VOTE_CHANNEL, this.onVoteChange);
    this.clock.setInterval(() => void this.sendTally(), 500);
  }

  private to(client: Client) {
    return audienceDown.to(toClient(client, this.roomName));
  }

  override async onJoin(client: Client, _options: unknown, phone: Phone): Promise<void> {
    client.userData = { address: phone.address };
    const to = this.to(client);
    if (phone.token) to.device({ token: phone.token });
    const vote = await this.hall.book.tally();
    if (!vote) return;
    const result = asResult(vote);
    if (result) to.result(result);
    else to.vote(sent(vote));
    if (vote.open) {
      const mine = await this.hall.book.mine(vote, phone.device);
      if (mine !== null) to.counted({ option: mine });
    }
  }

  override onDispose(): void {
    this.presence.unsubscribe(VOTE_CHANNEL, this.onVoteChange);
  }

  private async vote(client: Client, option: number): Promise<void> {
    const phone = client.auth as Phone;
    if (!(await this.hall.book.cast(phone.device, option)))
      this.to(client).refused({ reason: 'no vote is open for that' });
    else this.to(client).counted({ option });
  }

  /** A vote opened or closed somewhere: every phone here hears it at once. */
  private async announce(): Promise<void> {
    const vote = await this.hall.book.tally();
    if (!vote) return;
    const result = asResult(vote);
    this.shown = JSON.stringify(vote.counts);
    if (result) this.everyone.result(result);
    else this.everyone.vote(sent(vote));
  }

  private async sendTally(): Promise<void> {
    if (this.clients.length === 0) return;
    const vote = await this.hall.book.tally();
    if (!vote?.open) return;
    const shown = JSON.stringify(vote.counts);
    if (shown === this.shown) return;
    this.shown = shown;
    this.everyone.vote(sent(vote));
  }
}
