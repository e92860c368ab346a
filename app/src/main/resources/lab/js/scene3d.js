// The orbit view: a 3-wide stage (or 3-D data, or the top three principal axes of a wider stage)
// with its points, grid and, where the output layer cuts it, the separating plane.
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { CLASS_COLOURS } from './palette.js';

export function createScene(el) {
  let renderer;
  try {
    renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
  } catch (e) {
    el.innerHTML = '<div class="note">This browser has no WebGL: the 3-D view is off.</div>';
    return { show() {}, clear() {} };
  }
  renderer.setPixelRatio(window.devicePixelRatio || 1);
  renderer.setClearColor(0xffffff);
  el.append(renderer.domElement);
  const note = document.createElement('div');
  note.className = 'note';
  el.append(note);
  const scene = new THREE.Scene();
  const camera = new THREE.PerspectiveCamera(40, 1, 0.01, 100);
  camera.position.set(2.6, 1.6, 2.6);
  const controls = new OrbitControls(camera, renderer.domElement);
  controls.autoRotate = true;
  controls.autoRotateSpeed = 1.2;
  const group = new THREE.Group();
  scene.add(group);
  const colours = CLASS_COLOURS.map(c => new THREE.Color(c));

  function resize() {
    const w = el.clientWidth || 300, h = el.clientHeight || 300;
    renderer.setSize(w, h, false);
    camera.aspect = w / h;
    camera.updateProjectionMatrix();
  }
  new ResizeObserver(resize).observe(el);
  resize();
  renderer.setAnimationLoop(() => { controls.update(); renderer.render(scene, camera); });

  function clearGroup() {
    for (const o of [...group.children]) { group.remove(o); o.geometry?.dispose(); o.material?.dispose(); }
  }

  return {
    element: renderer.domElement,
    clear(text) { clearGroup(); note.textContent = text; note.hidden = false; },
    /** @param st decoded stage with k = 3; labels per point; cut plane or null */
    show(st, labels, cut) {
      clearGroup();
      note.hidden = true;
      const b = st.box, c = [0, 1, 2].map(j => (b[2 * j] + b[2 * j + 1]) / 2);
      const span = Math.max(...[0, 1, 2].map(j => b[2 * j + 1] - b[2 * j])) || 1;
      const f = 2 / span;
      const put = (arr, i, out, o) => { for (let j = 0; j < 3; j++) out[o + j] = (arr[i * 3 + j] - c[j]) * f; };
      const pos = new Float32Array(st.n * 3), col = new Float32Array(st.n * 3);
      for (let i = 0; i < st.n; i++) {
        put(st.pts, i, pos, 3 * i);
        const k = colours[labels[i] % colours.length];
        col[3 * i] = k.r; col[3 * i + 1] = k.g; col[3 * i + 2] = k.b;
      }
      const g = new THREE.BufferGeometry();
      g.setAttribute('position', new THREE.BufferAttribute(pos, 3));
      g.setAttribute('color', new THREE.BufferAttribute(col, 3));
      group.add(new THREE.Points(g, new THREE.PointsMaterial({ size: 0.045, vertexColors: true })));
      if (st.lines > 0) {
        const seg = [];
        const tmp = new Float32Array(6);
        for (let l = 0; l < st.lines; l++) {
          for (let m = 0; m + 1 < st.samples; m++) {
            const i = l * st.samples + m;
            put(st.grid, i, tmp, 0); put(st.grid, i + 1, tmp, 3);
            if (tmp.every(Number.isFinite)) seg.push(...tmp);
          }
        }
        const lg = new THREE.BufferGeometry();
        lg.setAttribute('position', new THREE.BufferAttribute(new Float32Array(seg), 3));
        group.add(new THREE.LineSegments(lg, new THREE.LineBasicMaterial({ color: 0x8090a0, transparent: true, opacity: 0.35 })));
      }
      if (cut && !st.pca && cut.normal.length === 3) {
        // n·h + o = 0 in stage coordinates → n·(p/f + c) + o = 0 in view coordinates
        const n = new THREE.Vector3(...cut.normal);
        const len = n.length();
        if (len > 1e-12) {
          const d = (cut.offset + n.x * c[0] + n.y * c[1] + n.z * c[2]) * f / len;
          const plane = new THREE.Mesh(new THREE.PlaneGeometry(3, 3),
            new THREE.MeshBasicMaterial({ color: 0x333333, transparent: true, opacity: 0.18, side: THREE.DoubleSide, depthWrite: false }));
          const unit = n.clone().normalize();
          plane.quaternion.setFromUnitVectors(new THREE.Vector3(0, 0, 1), unit);
          plane.position.copy(unit.multiplyScalar(-d));
          group.add(plane);
        }
      }
    },
  };
}
