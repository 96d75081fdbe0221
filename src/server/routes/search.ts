import { Hono } from 'hono';
import { z } from 'zod';
import { unavailableError } from '../../shared/errors.js';
import type { SearchResponse } from '../../retrieval/search/retriever.js';
import { parseOrThrow } from '../validate.js';

/** Query of `GET /api/search` (docs/decisions.md, "Contracts": q 1–500 characters, k 1–20, default 5). */
export const SearchQuerySchema = z.object({
  q: z
    .string({ message: 'Hãy nhập câu hỏi (q).' })
    .trim()
    .min(1, 'Câu hỏi (q) không được để trống.')
    .max(500, 'Câu hỏi (q) dài quá 500 ký tự.'),
  k: z.coerce
    .number({ message: 'k phải là một số.' })
    .int('k phải là số nguyên.')
    .min(1, 'k phải từ 1 đến 20.')
    .max(20, 'k phải từ 1 đến 20.')
    .default(5),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/** What the search route needs: a search function, or undefined while the index is not ready. */
export type SearchFn = (query: string, k: number) => Promise<SearchResponse>;

/** Routes for `/api/search`. */
export function createSearchRoutes(getSearch: () => SearchFn | undefined): Hono {
  const routes = new Hono();
  routes.get('/', async (c) => {
    const { q, k } = parseOrThrow(SearchQuerySchema, { q: c.req.query('q'), k: c.req.query('k') || undefined }, 'Câu hỏi tìm kiếm chưa hợp lệ.');
    const search = getSearch();
    if (!search) throw unavailableError();
    const response = await search(q, k);
    return c.json({ query: response.query, answerable: response.answerable, results: response.results });
  });
  return routes;
}
