import { z } from "zod";

/** How a dossier reached the desk. */
export const CHANNELS = ["direct", "postal", "online_partial", "online_full"] as const;
export type Channel = (typeof CHANNELS)[number];
export const ChannelSchema = z.enum(CHANNELS);

export const ONLINE_CHANNELS: readonly Channel[] = ["online_partial", "online_full"];

export function isOnlineChannel(channel: Channel): boolean {
  return ONLINE_CHANNELS.includes(channel);
}
