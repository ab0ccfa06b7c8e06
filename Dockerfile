# The room server (tables on their own devices, the facilitator console, the audience vote) with the built game,
# in one image. The single-screen game needs none of this: its built dist/ folder runs from any static host
# (docs/deploy.md).
#   docker build -t firepants-rooms .
#   docker run -p 2567:2567 -v firepants-tables:/app/rooms-data \
#     -e FACILITATOR_CODE=choose-a-long-code -e PUBLIC_ADDRESS=192.168.1.20:2567 firepants-rooms
# compose.yaml runs it beside a Redis instead (docs/deploy.md).
FROM node:22-bookworm-slim

WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false

# Dependencies first, so a change of sources does not install them again. The local package stands in for
# msgpackr's native add-on, which the server does not need.
COPY package.json package-lock.json ./
COPY packages ./packages
RUN npm ci

# The game's production build (no test hook, a strict Content-Security-Policy), served by the room server.
COPY . .
RUN npx vite build --mode production

# Tables, votes and the server's secret are kept in rooms-data (without REDIS_URL): a volume, writable by the
# user the server runs as, so a restart of the container brings every unfinished table back.
RUN mkdir -p rooms-data && chown node:node rooms-data
VOLUME /app/rooms-data

USER node
ENV NODE_ENV=production PORT=2567
EXPOSE 2567

# The server runs its TypeScript through tsx, as `npm run rooms` does. It listens on every interface of the
# container; FACILITATOR_CODE chooses the console's code (without it, one is made up and printed).
CMD ["node", "--import", "tsx", "server/index.ts"]
