import { expect } from 'vitest';
import type { Page } from 'playwright-core';

// What the map drew, read from the canvas's data attributes (client/game/scenes/MapLabels.ts): label
// boxes in CSS px, none overlapping another, none under 11 px; and the canvas at the device pixel ratio.

interface Box { id: string; x: number; y: number; w: number; h: number; px: number }

export async function mapLabels(page: Page, scope = '.mapwrap'): Promise<Box[]> {
  const canvas = page.locator(`${scope} canvas`);
  await expect.poll(() => canvas.getAttribute('data-labels'), { timeout: 20_000 }).toBeTruthy();
  return JSON.parse((await canvas.getAttribute('data-labels'))!) as Box[];
}

export function overlapping(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i]!;
    const b = boxes[j]!;
    if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) out.push(`${a.id} / ${b.id}`);
  }
  return out;
}

export async function checkMap(page: Page, scope = '.mapwrap'): Promise<void> {
  const boxes = await mapLabels(page, scope);
  expect(boxes.filter((b) => b.id.startsWith('capital:')).length).toBeGreaterThan(0);
  expect(overlapping(boxes)).toEqual([]);
  expect(Math.min(...boxes.map((b) => b.px))).toBeGreaterThanOrEqual(11);
  const ratio = await page.evaluate((sel) => {
    const c = document.querySelector<HTMLCanvasElement>(`${sel} canvas`)!;
    return { attr: c.width, css: c.getBoundingClientRect().width, dpr: devicePixelRatio };
  }, scope);
  expect(Math.abs(ratio.attr - ratio.css * ratio.dpr)).toBeLessThanOrEqual(2);
}
