import { benchResampler } from './resampler.bench';
console.log(await benchResampler());
