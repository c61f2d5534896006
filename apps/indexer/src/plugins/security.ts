/**
 * Security headers (helmet) and CORS. The API is public reads, so its resources may be read
 * cross-origin; which origins may call it from a browser is configured.
 */
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

export interface SecurityOptions {
  corsOrigins: string[] | "*";
}

export default fp<SecurityOptions>(
  async function security(app: FastifyInstance, options: SecurityOptions) {
    await app.register(helmet, {
      // Helmet's policy fits the docs page as it is (Swagger UI loads only its own scripts and
      // styles), but for one directive: the service runs on plain HTTP in embedded mode, on
      // 127.0.0.1 or a LAN address, where upgrade-insecure-requests would send the page's script
      // requests to an https:// that is not there. TLS, when used, ends at a proxy that may add it.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
      // Public reads: any site may embed or fetch them; CORS decides which may call from a browser.
      crossOriginResourcePolicy: { policy: "cross-origin" },
    });
    await app.register(cors, {
      origin: options.corsOrigins === "*" ? "*" : options.corsOrigins,
      methods: ["GET", "HEAD", "OPTIONS"],
    });
  },
  { name: "security" },
);
