// `express4` is the devDependency alias npm:express@^4; its types are those of `express`.
declare module 'express4' {
  import express from 'express';
  export default express;
}
