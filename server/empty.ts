// pg's optional native binding; never used (Workers cannot load it).
export default {}
