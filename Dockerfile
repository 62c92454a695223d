# syntax=docker/dockerfile:1
# twinbot: build the bundle with the dev tools, then run it on a slim image without them.

FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the build below needs the sources, which are not copied yet.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build

FROM node:24-slim
# tini as PID 1 passes SIGTERM/SIGINT to the bot and reaps children; the bot then stops cleanly.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
# HEALTH_PORT: /healthz, /readyz, /livez (and the calendar feed) in every mode, for HEALTHCHECK.
ENV NODE_ENV=production PORT=3000 HEALTH_PORT=8080
WORKDIR /app
# dist/ carries its dependencies (one bundle), so the image needs no node_modules.
COPY --from=build /app/package.json ./
COPY --from=build /app/dist ./dist
COPY --from=build /app/data/seed.json /app/data/schema.json ./data/
COPY --from=build /app/data/world ./data/world
# The store, its lock and the reminders ledger live on the volume; the image stays read-only.
RUN mkdir /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3000 8080
# /healthz on HEALTH_PORT runs every check (store, Slack, Discord, reminder tick); 503 names what fails.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--", "node", "dist/cli.js"]
CMD ["start", "--data", "/data/twinning.json"]
