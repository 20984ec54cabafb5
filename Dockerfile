# The reform-graph service. Neo4j runs separately (see docker-compose.yml).
# Node 20: the oldest Node that package.json's engines allow, and the one CI tests on.
FROM node:20-bookworm-slim

# nodejieba builds its native addon from source.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --omit=dev && npm cache clean --force
COPY tsconfig.json schema.graphql ./
COPY src ./src
COPY bin ./bin
COPY cypher ./cypher
COPY seeds ./seeds
COPY docs/queries ./docs/queries

# The code stays root's and read-only to the service, which runs as the image's unprivileged
# `node` user; the one place it may write is DATA_DIR (the local Neo4j's folder, unused when
# NEO4J_URI is set, as in docker-compose.yml).
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node

ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 DATA_DIR=/app/.data
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:4000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Node itself as PID 1 (tsx as a loader): SIGTERM from `docker stop` reaches the service, which
# closes its connections; `npm start` would put npm in between.
CMD ["node", "--import", "tsx", "src/main.ts"]
