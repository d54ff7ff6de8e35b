import express from 'express';
import { expect, it } from 'vitest';
import { runRouterSuite } from '../test/router-suite.js';

it('runs on Express 5 (which has no app.del)', () => {
  expect((express() as unknown as Record<string, unknown>).del).toBeUndefined();
});

runRouterSuite('Express 5');
