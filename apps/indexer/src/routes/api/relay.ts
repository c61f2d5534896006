/**
 * /api/relay: the relay of signed actions. GET tells a client whether this service relays and from
 * which account; POST takes one signed vote, delegation, objection or profile, checks it
 * (relay/desk.ts) and queues it; GET /api/relay/{id} answers its status. Without a relayer key the
 * relay is off: GET says so and POST answers 404. Answers change without the index moving: never
 * cached by its version.
 */
import type { FastifyPluginAsync } from "fastify";
import { getRelay, getRelayInfo, postRelay, type Relay, type RelayBody, type RelayInfo } from "@rhizome/client/schemas";
import { HttpError, NotFoundError } from "../../plugins/http-errors.js";
import type { RelayDesk } from "../../relay/desk.js";

export interface RelayRoutesOptions {
  /** The relay's desk; the relay is off without it. */
  desk?: RelayDesk | undefined;
}

const OFF: RelayInfo = { enabled: false, relayer: null, kinds: [], memberDaily: 0, collectiveDaily: 0 };

const relay: FastifyPluginAsync<RelayRoutesOptions> = async (app, { desk }) => {
  const offIndex = { offIndex: true };
  const off = () =>
    new HttpError(404, "RelayOff", "This service relays no signed actions (it has no relayer key): send it yourself.");

  app.get<{ Reply: { 200: RelayInfo } }>("/relay", { schema: getRelayInfo, config: offIndex }, async () =>
    desk ? desk.info() : OFF,
  );

  app.post<{ Body: RelayBody; Reply: { 200: Relay } }>(
    "/relay",
    { schema: postRelay, config: offIndex },
    async (request) => {
      if (!desk) throw off();
      return desk.accept(request.body);
    },
  );

  app.get<{ Params: { id: string }; Reply: { 200: Relay } }>(
    "/relay/:id",
    { schema: getRelay, config: offIndex },
    async (request) => {
      if (!desk) throw off();
      const found = await desk.get(request.params.id);
      if (!found) throw new NotFoundError(`No relay has the id ${request.params.id}.`);
      return found;
    },
  );
};

export default relay;
