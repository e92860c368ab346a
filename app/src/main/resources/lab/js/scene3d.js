// The orbit view: a 3-wide stage (or 3-D data, or the top three principal axes of a wider stage)
// with its points, grid and, where the output layer cuts it, the separating plane, translucent.
// It renders only when something changed (new points, an orbit, a resize): a software-WebGL
// browser would otherwise spend every frame here and leave none for the controls.
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { CLASS_COLOURS } from './palette.js';

const MAX_SIDE = 720;

export function createScene(el) {
  let renderer;
  try {
    // no multisampling and no kept drawing buffer: in a software-WebGL browser each costs more
    // than all the other drawing (nothing reads this canvas back; screenshots take the composited page)
    renderer = new THREE.WebGLRenderer({ antialias: false, preserveDrawingBuffer: false, powerPreference: 'low-power' });
  } catch (e) {
    el.innerHTML = '<div class="note">This browser has no WebGL: the 3-D view is off.</div>';
    return { show() {}, clear() {} };
  }
  renderer.setClearColor(0xffffff);
  el.append(renderer.domElement);
  const note = document.createElement('div');
  note.className = 'note';
  el.append(note);
  const scene = new THREE.Scene();
  const camera = new THREE.PerspectiveCamera(35, 1, 0.01, 100);
  camera.position.set(4.3, 2.9, 4.5); // the whole [−1, 1]³ box in view from any side
  const controls = new OrbitControls(camera, renderer.domElement);
  controls.enableDamping = false;
  const colours = CLASS_COLOURS.map(c => new THREE.Color(c));

  let queued = false;
  function render() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; renderer.render(scene, camera); el.dataset.rendered = String(+(el.dataset.rendered || 0) + 1); });
  }
  controls.addEventListener('change', render);

  function resize() {
    const w = el.clientWidth || 300, h = el.clientHeight || 300;
    // at most MAX_SIDE pixels a side, never above the screen's ratio: the pixels filled per render
    // are what software WebGL pays for; the browser scales the canvas up to the view
    renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, MAX_SIDE / Math.max(w, h)));
    renderer.setSize(w, h, false);
    camera.aspect = w / h;
    camera.updateProjectionMatrix();
    render();
  }
  new ResizeObserver(resize).observe(el);
  resize();

  // the frame of reference: the box the data is scaled into
  const box = new THREE.LineSegments(new THREE.EdgesGeometry(new THREE.BoxGeometry(2, 2, 2)),
    new THREE.LineBasicMaterial({ color: 0xc8d0d8 }));
  scene.add(box);
  // geometry kept between updates: the buffers are refilled, not rebuilt
  const pointGeo = new THREE.BufferGeometry();
  const points = new THREE.Points(pointGeo, new THREE.PointsMaterial({ size: 0.06, vertexColors: true, sizeAttenuation: true }));
  const gridGeo = new THREE.BufferGeometry();
  const grid = new THREE.LineSegments(gridGeo, new THREE.LineBasicMaterial({ color: 0x8090a0, transparent: true, opacity: 0.3 }));
  const plane = new THREE.Mesh(new THREE.PlaneGeometry(3.2, 3.2),
    new THREE.MeshBasicMaterial({ color: 0x404a55, transparent: true, opacity: 0.16, side: THREE.DoubleSide, depthWrite: false }));
  const rim = new THREE.LineSegments(new THREE.EdgesGeometry(new THREE.PlaneGeometry(3.2, 3.2)),
    new THREE.LineBasicMaterial({ color: 0x404a55, transparent: true, opacity: 0.6 }));
  plane.add(rim);
  plane.renderOrder = 2;
  // test points (the split's held-out ones) as rings, as on the sheets: a ring sprite, its colour the class's
  const ring = document.createElement('canvas');
  ring.width = ring.height = 32;
  const rg = ring.getContext('2d');
  rg.strokeStyle = '#fff'; rg.lineWidth = 6;
  rg.beginPath(); rg.arc(16, 16, 12, 0, 6.2832); rg.stroke();
  const testGeo = new THREE.BufferGeometry();
  const tests = new THREE.Points(testGeo, new THREE.PointsMaterial({ size: 0.09, vertexColors: true, sizeAttenuation: true,
    map: new THREE.CanvasTexture(ring), alphaTest: 0.5, transparent: false }));
  // the data is scaled into the box, always in view: no culling, so no bounding sphere to recompute per update
  points.frustumCulled = grid.frustumCulled = tests.frustumCulled = false;
  scene.add(points, tests, grid, plane);

  function buffer(geo, name, length) {
    const a = geo.getAttribute(name);
    if (a && a.array.length === length) return a;
    const b = new THREE.BufferAttribute(new Float32Array(length), 3);
    geo.setAttribute(name, b);
    return b;
  }

  return {
    element: renderer.domElement,
    clear(text) {
      points.visible = tests.visible = grid.visible = plane.visible = box.visible = false;
      delete el.dataset.testPoints;
      note.textContent = text; note.hidden = false;
      render();
    },
    /**
     * @param st decoded stage with k = 3; labels per point (none yet: one colour); cut plane or null;
     * test {mask, show} (held-out points: rings, or not drawn) or null
     */
    show(st, labels, cut, test) {
      note.hidden = true;
      points.visible = grid.visible = box.visible = true;
      const b = st.box, c = [0, 1, 2].map(j => (b[2 * j] + b[2 * j + 1]) / 2);
      const span = Math.max(...[0, 1, 2].map(j => b[2 * j + 1] - b[2 * j])) || 1;
      const f = 2 / span;
      const put = (arr, i, out, o) => { for (let j = 0; j < 3; j++) out[o + j] = (arr[i * 3 + j] - c[j]) * f; };
      const mask = test && test.mask.length === st.n ? test.mask : null;
      let held = 0;
      if (mask) for (let i = 0; i < st.n; i++) held += mask[i] ? 1 : 0;
      const pos = buffer(pointGeo, 'position', (st.n - held) * 3), col = buffer(pointGeo, 'color', (st.n - held) * 3);
      const tpos = buffer(testGeo, 'position', held * 3), tcol = buffer(testGeo, 'color', held * 3);
      for (let i = 0, a = 0, h = 0; i < st.n; i++) {
        const k = colours[(labels ? labels[i] : 0) % colours.length];
        const [p, q, o] = mask && mask[i] ? [tpos, tcol, 3 * h++] : [pos, col, 3 * a++];
        put(st.pts, i, p.array, o);
        q.array[o] = k.r; q.array[o + 1] = k.g; q.array[o + 2] = k.b;
      }
      tests.visible = held > 0 && !!test.show;
      el.dataset.testPoints = String(tests.visible ? held : 0); // for tests: how many rings are drawn
      tpos.needsUpdate = true; tcol.needsUpdate = true;
      pos.needsUpdate = true; col.needsUpdate = true;
      const segs = st.lines * Math.max(0, st.samples - 1);
      const gp = buffer(gridGeo, 'position', segs * 6);
      const tmp = new Float32Array(6);
      let used = 0;
      for (let l = 0; l < st.lines; l++) {
        for (let m = 0; m + 1 < st.samples; m++) {
          const i = l * st.samples + m;
          put(st.grid, i, tmp, 0); put(st.grid, i + 1, tmp, 3);
          if (tmp.every(Number.isFinite)) { gp.array.set(tmp, used); used += 6; }
        }
      }
      gridGeo.setDrawRange(0, used / 3);
      gp.needsUpdate = true;
      plane.visible = false;
      if (cut && !st.pca && cut.normal.length === 3) {
        // n·h + o = 0 in stage coordinates → n·(p/f + c) + o = 0 in view coordinates
        const n = new THREE.Vector3(...cut.normal);
        const len = n.length();
        if (len > 1e-12) {
          const d = (cut.offset + n.x * c[0] + n.y * c[1] + n.z * c[2]) * f / len;
          const unit = n.clone().normalize();
          plane.quaternion.setFromUnitVectors(new THREE.Vector3(0, 0, 1), unit);
          plane.position.copy(unit.multiplyScalar(-d));
          plane.visible = true;
        }
      }
      render();
    },
  };
}
