// d3 ships as a UMD bundle in its WebJar; loading it sets globalThis.d3, which this module hands on.
import 'd3-umd';
export default globalThis.d3;
