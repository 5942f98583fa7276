// jsforce's default transport pipes the response body with stream.pipe(), which does not forward
// errors: a connection reset in the middle of a response body becomes an unhandled 'error' event
// (a crash, or a promise that never settles) instead of a rejected call. This transport reads the
// whole body with fetch and rejects on any failure, so OrgApi can retry the call. It plugs into
// jsforce's HttpApi, which keeps session refresh, error parsing and events as they are.
import { Duplex } from 'node:stream';
import { Transport } from 'jsforce/lib/transport';
import type { HttpRequest, HttpRequestOptions, HttpResponse } from 'jsforce/lib/types';
import { StreamPromise } from 'jsforce/lib/util/promise';

export class BufferedTransport extends Transport {
    constructor(private readonly timeoutMs = 10 * 60 * 1000) {
        super();
    }

    override httpRequest(req: HttpRequest, options: HttpRequestOptions = {}): StreamPromise<HttpResponse> {
        void options;
        return StreamPromise.create(() => ({
            stream: new Duplex({ read() {}, write(_chunk, _encoding, done) { done(); } }),
            promise: this.send(req),
        }));
    }

    private async send(req: HttpRequest): Promise<HttpResponse> {
        // fetch computes the body length itself; undici rejects a content-length set by hand.
        const headers = Object.fromEntries(
            Object.entries((req.headers ?? {}) as Record<string, string>).filter(([name]) => !/^(content-length|transfer-encoding|host|connection)$/i.test(name)),
        );
        const response = await fetch(req.url, {
            method: req.method,
            headers,
            ...(req.body !== undefined && req.body !== null && req.method !== 'GET' ? { body: req.body as string } : {}),
            redirect: 'manual',
            signal: AbortSignal.timeout(this.timeoutMs),
        });
        const body = await response.text();
        const responseHeaders: Record<string, string> = {};
        response.headers.forEach((value, name) => {
            responseHeaders[name.toLowerCase()] = value;
        });
        return { statusCode: response.status, headers: responseHeaders, body };
    }
}
