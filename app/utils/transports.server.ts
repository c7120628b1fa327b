import nodemailer from "nodemailer";
import type { Transport, Transports } from "~/jobs/deliver-messages";
import { getEnv, type Env } from "~/utils/env.server";

/** E-mail over SMTP (nodemailer), from SMTP_URL and MAIL_FROM. */
export function smtpTransport(url: string, from: string): Transport {
  const mailer = nodemailer.createTransport(url);
  return async (m) => {
    await mailer.sendMail({ from, to: m.recipient, subject: m.subject ?? "", text: m.body });
  };
}

/** Fills {to} and {text} in a JSON body template, JSON-escaped, so no vendor is named in code. */
export function fillTemplate(template: string, to: string, text: string): string {
  const esc = (v: string) => JSON.stringify(v).slice(1, -1);
  return template.replaceAll("{to}", esc(to)).replaceAll("{text}", esc(text));
}

/** SMS or Zalo through an HTTP gateway: POST the filled template with a bearer token. */
export function httpGatewayTransport(url: string, token: string | undefined, template: string): Transport {
  return async (m) => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: fillTemplate(template, m.recipient, m.body),
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) throw new Error(`gateway answered ${res.status}`);
  };
}

/** The configured transports; a channel without settings has none, and its messages stay queued. */
export function configuredTransports(env: Env = getEnv()): Transports {
  const t: Transports = {};
  if (env.SMTP_URL && env.MAIL_FROM) t.email = smtpTransport(env.SMTP_URL, env.MAIL_FROM);
  if (env.SMS_GATEWAY_URL) t.sms = httpGatewayTransport(env.SMS_GATEWAY_URL, env.SMS_GATEWAY_TOKEN, env.SMS_GATEWAY_TEMPLATE);
  return t;
}
