import type { Channel } from "~/domain/dossiers/channels";
import type { FeedbackState } from "~/domain/feedback/feedback";

/** Colours of the charts: distinguishable for common colour-vision deficiencies, each with a label beside it. */
export const CHART_COLORS = {
  received: "#1a5fb4",
  resolved: "#2e8540",
  late: "#b3261e",
  rate: "#2e8540",
  target: "#a31f1a",
  answered: "#2e8540",
} as const;

/** Online channels first, so the bottom of each stacked bar is the online share. */
export const CHANNEL_STACK: readonly Channel[] = ["online_full", "online_partial", "postal", "direct"];

export const CHANNEL_COLORS: Record<Channel, string> = {
  online_full: "#1e6b34",
  online_partial: "#6cbf7a",
  postal: "#d99a1e",
  direct: "#7d8a99",
};

export const FEEDBACK_STATE_COLORS: Record<FeedbackState, string> = {
  received: "#1a5fb4",
  accepted: "#5b8fd6",
  assigned: "#8a6fcf",
  investigating: "#d99a1e",
  answered: "#2e8540",
  closed: "#7d8a99",
  not_accepted: "#b3261e",
  forwarded: "#c46a8f",
};
