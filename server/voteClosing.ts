import { matchMaker } from '@colyseus/core';
import type { KeptVote, VoteBook } from './voteBook';
import { winner } from './voteBook';

/**
 * Closes the open vote with its result, feeding the winner to a demo table when one is named (the table
 * frames its waiting retro that way, or says why it could not). Null when no vote was open.
 */
export async function closeVoteFeeding(book: VoteBook, table: string | null): Promise<KeptVote | null> {
  return book.close(async (tally) => {
    const won = winner(tally);
    const refused = table
      ? await matchMaker
          .remoteRoomCall(table, 'audienceDecides', [won])
          .then((why) => (why ? String(why) : null))
          .catch(() => 'no such table')
      : null;
    return { winner: won, fed: table ? { table, refused } : null };
  });
}

/** Closes a vote whose countdown ran out (checked four times a second, on every process; one closing wins). */
export function watchCountdowns(book: VoteBook): () => void {
  const timer = setInterval(() => {
    void book
      .current()
      .then((vote) => {
        if (vote?.open && vote.closesAt && Date.now() >= vote.closesAt)
          return closeVoteFeeding(book, vote.feed ?? null);
        return null;
      })
      .catch(() => undefined);
  }, 250);
  timer.unref();
  return () => clearInterval(timer);
}
