# reachbot container image (docs/DEPLOY.md). Two stages: build compiles TypeScript to dist/ with the dev
# dependencies; runtime holds the production dependencies and dist/ only, runs as the unprivileged `node` user,
# writes nothing outside the store volume (/data), so it runs with a read-only root filesystem.
# test/deploy/production.test.ts runs this file's npm and start commands in a temporary copy.

ARG NODE_IMAGE=node:20-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/bundle.mjs ./scripts/
# The build answers the sample topology's question once, to make the CLI's code cache (scripts/bundle.mjs).
COPY data/sample.yaml ./data/
COPY src ./src
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="reachbot" \
      org.opencontainers.image.description="Why can't my pod reach that address? Static reachability diagnosis for Huawei Cloud CCE, in Slack." \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.documentation="docs/DEPLOY.md"
# tini as PID 1: forwards SIGTERM to Node (which drains and exits 0) and reaps any zombie.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    REACHBOT_STORE=/data/reachbot.json \
    PORT=3000 \
    METRICS_PORT=9090 \
    REACHBOT_REQUIRE_SLACK=true
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund
RUN npm cache clean --force
COPY --from=build /src/dist ./dist
COPY bin ./bin
COPY data/sample.yaml ./data/sample.yaml
COPY manifest.yml ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000 9090
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.METRICS_PORT||9090)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/bundle/main.js"]
