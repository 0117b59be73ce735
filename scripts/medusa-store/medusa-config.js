// Medusa v2 configuration for ordermgr's test store (tests/realstore). Everything comes from the
// environment the runner sets: DATABASE_URL (a database of its own on the local PostgreSQL),
// no Redis (in-memory cache, local event bus and workflow engine are Medusa's defaults), and no
// admin dashboard (nothing to build; the tests use the admin API only).
const { loadEnv, defineConfig } = require("@medusajs/framework/utils")

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseDriverOptions: { connection: { ssl: false } },
    http: {
      storeCors: "http://127.0.0.1",
      adminCors: "http://127.0.0.1",
      authCors: "http://127.0.0.1",
      jwtSecret: process.env.JWT_SECRET || "ordermgr-test-store",
      cookieSecret: process.env.COOKIE_SECRET || "ordermgr-test-store",
    },
  },
  admin: { disable: true },
})
