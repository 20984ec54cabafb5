# The reform-graph service. Neo4j runs separately (see docker-compose.yml).
FROM node:20-bookworm-slim

# nodejieba builds its native addon from source.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --omit=dev
COPY tsconfig.json schema.graphql ./
COPY src ./src
COPY bin ./bin
COPY cypher ./cypher
COPY seeds ./seeds
COPY docs/queries ./docs/queries

ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:4000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["npm", "start"]
