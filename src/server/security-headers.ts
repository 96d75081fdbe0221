import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { PRINT_STYLES_CSP_HASH } from '../dossiers/index.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by a route whose page the kiosk shows in a frame of its own page (the print view). */
    frameAncestors?: 'self';
  }
}

type ContentSecurityPolicy = NonNullable<NonNullable<Parameters<typeof secureHeaders>[0]>['contentSecurityPolicy']>;

export interface SecurityHeadersOptions {
  /** Inline stylesheets allowed by hash (the dossier print page's); no other inline style or script runs. */
  styleHashes?: readonly string[];
  /** The kiosk's own pages may use the microphone (push-to-talk), only when voice input is configured (ASR_URL). */
  allowMicrophone?: boolean;
}

/**
 * The one Content-Security-Policy of every response. The kiosk page loads only its own hashed script and stylesheet
 * (kiosk-ui/dist), draws QR codes as SVG elements and talks to `/ws/chat` on its own origin; the print page carries
 * its stylesheet inline, allowed by hash. The widget runs inside the host site's page under that site's policy, so
 * nothing here has to allow it; no page of ours is ever framed (the widget is a script, not an iframe).
 */
export function buildContentSecurityPolicy(styleHashes: readonly string[]): ContentSecurityPolicy {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", ...styleHashes],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

/**
 * Security headers on every response (API, errors, 404s, the UI, print pages), set after the handler ran so error
 * and not-found responses get them too. Cross-Origin-Resource-Policy is `same-origin` unless a route chose
 * otherwise: `/widget.js` says `cross-origin` because other sites load it with a plain `<script src>`.
 */
export function securityHeaders({ styleHashes = [PRINT_STYLES_CSP_HASH], allowMicrophone = false }: SecurityHeadersOptions = {}): MiddlewareHandler {
  const base = secureHeaders({
    contentSecurityPolicy: buildContentSecurityPolicy(styleHashes),
    crossOriginResourcePolicy: false,
    crossOriginOpenerPolicy: 'same-origin',
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    // HSTS belongs to the TLS proxy in front (operations.md); sent over plain HTTP on loopback it would mean nothing,
    // and with includeSubDomains it could break the ward's other sites.
    strictTransportSecurity: false,
    // The kiosk reads the ID card through a USB scanner that types like a keyboard: no device API is needed, except
    // the microphone of push-to-talk on our own pages when the ward runs a speech server (docs/speech.md).
    permissionsPolicy: { camera: [], microphone: allowMicrophone ? ['self'] : [], geolocation: [], payment: [], usb: [], serial: [], hid: [], bluetooth: [], displayCapture: [] },
  });
  return async (c, next) => {
    await base(c, async () => {
      await next();
      if (!c.res.headers.has('Cross-Origin-Resource-Policy')) c.res.headers.set('Cross-Origin-Resource-Policy', 'same-origin');
    });
    // The print page may be framed by our own kiosk page, by no one else.
    if (c.get('frameAncestors') === 'self') {
      const policy = c.res.headers.get('Content-Security-Policy');
      if (policy) c.res.headers.set('Content-Security-Policy', policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
      c.res.headers.set('X-Frame-Options', 'SAMEORIGIN');
    }
  };
}
