import { defaultServer } from '../app/remoteTable';
import { connectConsole } from '../app/roomsConsole';
import { type ConsoleState, renderRoomsConsole } from '../ui/workshop/roomsConsoleView';
import '../ui/workshop/compare.css';
import '../ui/workshop/facilitator.css';
import '../ui/workshop/rooms.css';

/** The facilitator's console over every table on a room server (served by `npm run rooms`). */
const root = document.getElementById('rooms');
const state: ConsoleState = {
  line: null,
  rows: [],
  created: [],
  scenarioFile: null,
  tally: null,
  result: null,
  message: null,
  notice: null,
  venue: null,
  fired: null,
  results: null,
  timer: null,
};

function draw(): void {
  if (root) renderRoomsConsole(root, state, join, draw);
}

function join(code: string): void {
  state.message = 'Connecting…';
  draw();
  connectConsole(defaultServer(), code.trim(), {
    tables: (rows) => {
      state.rows = rows;
      draw();
    },
    created: (tables) => {
      state.created = [...state.created, ...tables];
      state.message = null;
      draw();
    },
    tally: (t) => {
      state.tally = t;
      if (t.open) state.result = null;
      draw();
    },
    result: (r) => {
      state.result = r;
      state.tally = r;
      draw();
    },
    refused: (reason) => {
      state.message = reason;
      draw();
    },
    venue: (v) => {
      state.venue = v;
      draw();
    },
    fired: (f) => {
      state.fired = f;
      draw();
    },
    results: (tables) => {
      state.results = tables;
      // The session's tables are closed: their codes and join links no longer open anything.
      state.created = [];
      draw();
    },
    timer: (t) => {
      state.timer = t;
      draw();
    },
    notice: (text) => {
      state.notice = text;
      draw();
      // "Back" is said for a few seconds; "back in a moment" stays until it is true.
      if (text?.startsWith('Back'))
        setTimeout(() => {
          if (state.notice === text) {
            state.notice = null;
            draw();
          }
        }, 8000);
    },
    left: (reason) => {
      state.notice = null;
      state.line = null;
      state.message = reason;
      draw();
    },
  })
    .then((line) => {
      state.line = line;
      state.message = null;
      draw();
    })
    .catch((err: unknown) => {
      const text = err instanceof Error ? err.message : String(err);
      state.message = /wait/.test(text)
        ? `Too many wrong codes: ${text.slice(0, 120)}.`
        : /code/.test(text)
          ? 'That facilitator code is not this server’s.'
          : `No room server answered at this address (${text.slice(0, 120)}). Start it with npm run rooms.`;
      draw();
    });
}

// The phase timer and the vote's countdown move on between the server's messages.
setInterval(() => {
  const now = Date.now();
  if ((state.timer && state.timer.endsAt > now - 1000) || (state.tally?.open && state.tally.closesAt)) draw();
}, 1000);
draw();
