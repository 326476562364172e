// What the whole app shares: the shell's AppInfo, the country list and the open workshop.
// Views read it; main.js and the views that change it keep it current.

export const state = {
  info: null,
  countries: [],
  countriesByCode: new Map(),
  workshop: null,
};

export function setCountries(list) {
  state.countries = Array.isArray(list) ? list : [];
  state.countriesByCode = new Map(state.countries.map((c) => [c.code, c]));
}
