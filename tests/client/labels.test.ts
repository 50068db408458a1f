import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../shared/scenarios/index.ts';
import { buildMap } from '../../shared/rules/index.ts';
import { regionCenter } from '../../client/view/mapModel.ts';
import { overlaps, placeLabels, type LabelRequest } from '../../client/view/labels.ts';

// Label placement over every scenario's map at a phone's and a laptop's zoom: no two shown labels overlap,
// every capital shows, optional labels hide rather than overlap. (The end-to-end test checks the boxes
// Phaser really drew.)

const width = (text: string, px: number) => text.length * px * 0.58;

describe('map labels', () => {
  for (const scenario of SCENARIOS) {
    for (const zoom of [0.3, 0.55, 1]) {
      it(`${scenario.id} at ${zoom}x: capitals shown, nothing overlaps`, () => {
        const reqs: LabelRequest[] = [];
        buildMap(scenario);
        for (const r of scenario.regions) {
          const c = regionCenter(scenario, r.id, 20);
          const x = c.x * zoom;
          const y = c.y * zoom;
          const owner = scenario.nations.find((n) => n.id === r.owner);
          if (r.capital && owner) {
            reqs.push({ id: `capital:${r.id}`, x, y, w: width(`* ${owner.name} (you)`, 14), h: 18, priority: 0, optional: false });
            reqs.push({ id: `stats:${r.id}`, x, y, w: width('econ 120 · mil 40 · rep 60', 11), h: 14, priority: 2, optional: true, prefer: [{ dx: 0, dy: 22 }, { dx: 0, dy: -22 }] });
          } else {
            reqs.push({ id: `region:${r.id}`, x, y, w: width(r.name, 11), h: 14, priority: 3, optional: true });
          }
        }
        const placed = placeLabels(reqs).filter((p) => p.visible);
        for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!, placed[j]!, 0), `${placed[i]!.id} / ${placed[j]!.id}`).toBe(false);
        expect(placed.filter((p) => p.id.startsWith('capital:')).length).toBe(scenario.regions.filter((r) => r.capital).length);
      });
    }
  }
});
