import express from 'express';
import { expect, it, vi } from 'vitest';
import { runRouterSuite } from '../test/router-suite.js';

// The adapter and the test app both import `express`; here it is Express 4, as in an app that
// installed Express 4 next to @smskit/express.
vi.mock('express', async () => await import('express4'));

it('runs on Express 4 (which still has app.del)', () => {
  expect(typeof (express() as unknown as Record<string, unknown>).del).toBe('function');
});

runRouterSuite('Express 4');
