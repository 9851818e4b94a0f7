// A small typed client over fetch: paths, parameters, bodies and response bodies all come from the
// types openapi-typescript generates from the live OpenAPI document (generated/cxapi.d.ts), so a
// renamed field or path is a compile error here rather than a surprise in production.
import type { paths } from "./generated/cxapi";

export type { paths, components } from "./generated/cxapi";

type Method = "get" | "post" | "patch" | "delete";
type Operation<P extends keyof paths, M extends Method> = paths[P][M];
type Responses<O> = O extends { responses: infer R } ? R : never;
// The client asks for JSON (Accept: application/json), so a body documented in several forms (JSON and CSV) is its JSON one.
type BodyOf<T> = T extends { content: infer C }
  ? "application/json" extends keyof C ? C["application/json"] : C[keyof C]
  : undefined;
type Params<O> = O extends { parameters: infer X } ? X : never;
type QueryOf<O> = Params<O> extends { query?: infer Q } ? Q : never;
type PathOf<O> = Params<O> extends { path: infer X } ? X : never;
type HeadersOf<O> = Params<O> extends { header?: infer H } ? H : never;
type RequestBodyOf<O> = O extends { requestBody?: infer R } ? BodyOf<NonNullable<R>> : never;

/** The documented statuses of an operation. */
export type StatusOf<P extends keyof paths, M extends Method> = keyof Responses<Operation<P, M>> & number;

/** The body an operation answers with a given status (a problem for 4xx/5xx). */
export type ResponseOf<P extends keyof paths, M extends Method, S extends StatusOf<P, M>> = BodyOf<Responses<Operation<P, M>>[S]>;

export interface RequestOptions<O> {
  path?: PathOf<O>;
  query?: QueryOf<O>;
  body?: RequestBodyOf<O>;
  /** Only the headers the operation documents (Idempotency-Key on POSTs, If-Match where a stale ETag is a 412). */
  headers?: HeadersOf<O>;
  contentType?: string;
}

export interface Answer<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** The server answered with a status other than the one the caller expected. */
export class UnexpectedStatus extends Error {
  constructor(readonly status: number, readonly body: string) {
    super(`unexpected status ${status}: ${body}`);
  }
}

export class CxApiClient {
  constructor(private readonly baseUrl: string, private readonly apiKey?: string) {}

  /** Sends one request and returns its body, typed by the documented response for <expected>. */
  async call<P extends keyof paths, M extends Method, S extends StatusOf<P, M>>(
    method: M, path: P, expected: S, options: RequestOptions<Operation<P, M>> = {},
  ): Promise<Answer<ResponseOf<P, M, S>>> {
    const url = new URL(this.baseUrl + String(path).replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(String((options.path as Record<string, unknown> | undefined)?.[name]))));
    for (const [name, value] of Object.entries((options.query ?? {}) as Record<string, unknown>)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== null) url.searchParams.append(name, String(item));
      }
    }
    const headers = new Headers(options.headers as Record<string, string> | undefined);
    headers.set("Accept", "application/json");
    if (this.apiKey) headers.set("X-Api-Key", this.apiKey);
    if (options.body !== undefined) headers.set("Content-Type", options.contentType ?? "application/json");

    const response = await fetch(url, {
      method: method.toUpperCase(),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    if (response.status !== expected) throw new UnexpectedStatus(response.status, text);
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as ResponseOf<P, M, S> };
  }
}
