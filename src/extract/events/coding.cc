#include "extract/events/coding.h"

namespace newsgraph::extract::events {
namespace {

bool Starts(std::string_view code, std::string_view prefix) { return code.substr(0, prefix.size()) == prefix; }

}  // namespace

std::string IntentCode(std::string_view code) {
  std::string_view root = code.substr(0, 2);
  if (root == "04") return Starts(code, "045") ? "039" : "036";
  if (root == "05") return "032";
  if (root == "06") {
    if (code.size() >= 3 && code[2] >= '1' && code[2] <= '4') return std::string("031") + code[2];
    return "031";
  }
  if (root == "07") {
    if (Starts(code, "075")) return "033";
    if (code.size() >= 3 && code[2] >= '1' && code[2] <= '4') return std::string("033") + code[2];
    return "033";
  }
  if (root == "08") {
    if (Starts(code, "081")) return "0351";
    if (Starts(code, "082")) return "0352";
    if (Starts(code, "083")) return "034";
    if (Starts(code, "084")) return "0353";
    if (Starts(code, "085")) return "0354";
    if (Starts(code, "086")) return "0355";
    if (Starts(code, "087")) return "0356";
    return "035";
  }
  int r = (root.size() == 2 && root[0] >= '0' && root[0] <= '9') ? (root[0] - '0') * 10 + (root[1] - '0') : 0;
  if (r >= 14) return ThreatCode(code);
  return std::string(code);
}

std::string ThreatCode(std::string_view code) {
  std::string_view root = code.substr(0, 2);
  if (root == "14") return "133";
  if (root == "15") return "138";
  if (root == "16") {
    if (Starts(code, "162")) return "1311";
    if (Starts(code, "163")) return "1312";
    if (Starts(code, "161")) return "1313";
    if (Starts(code, "164")) return "134";
    if (Starts(code, "165")) return "135";
    if (Starts(code, "166")) return "136";
    return "131";
  }
  if (root == "17") return Starts(code, "172") ? "132" : "137";
  if (root == "18") return "1383";
  if (root == "19") {
    if (Starts(code, "191")) return "1381";
    if (Starts(code, "192")) return "1382";
    return "1384";
  }
  if (root == "20") return Starts(code, "204") ? "1385" : "1383";
  if (root == "13") return std::string(code);
  return "130";
}

std::string RefusalCode(std::string_view code) {
  std::string_view root = code.substr(0, 2);
  if (root == "03" || root == "04") return Starts(code, "045") ? "126" : "125";
  if (root == "05" || root == "02" || root == "10") return "120";
  if (root == "06") {
    if (Starts(code, "061")) return "1211";
    if (Starts(code, "062")) return "1212";
    return "121";
  }
  if (root == "07") {
    if (code.size() >= 3 && code[2] >= '1' && code[2] <= '4') return std::string("122") + code[2];
    return "122";
  }
  if (root == "08") {
    if (Starts(code, "081")) return "1241";
    if (Starts(code, "082")) return "1242";
    if (Starts(code, "083")) return "123";
    if (Starts(code, "084")) return "1243";
    if (Starts(code, "085")) return "1244";
    if (Starts(code, "086")) return "1245";
    if (Starts(code, "087")) return "1246";
    return "124";
  }
  return "";
}

}  // namespace newsgraph::extract::events
