// SQLiteCpp's W1-W5 (see sqlitecpp.hpp).
#include "sqlitecpp.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <stdexcept>

namespace bench::peers {
namespace {

const char* const q_insert = "INSERT INTO users (id, name, email, age, score) VALUES (?, ?, ?, ?, ?)";
const char* const q_all = "SELECT id, name, email, age, score FROM users";
const char* const q_point = "SELECT id, name, email, age, score FROM users WHERE id = ?";
const char* const q_filter =
    "SELECT id, name, email, age, score FROM users WHERE age BETWEEN ? AND ? ORDER BY score DESC LIMIT 100";
const char* const q_update = "UPDATE users SET age = ?, email = ? WHERE id = ?";

User read_user(const SQLite::Statement& q) {
    User u;
    u.id = q.getColumn(0).getInt64();
    u.name = q.getColumn(1).getString();
    u.email = q.getColumn(2).getString();
    if (const SQLite::Column age = q.getColumn(3); !age.isNull()) u.age = age.getInt();
    if (const SQLite::Column score = q.getColumn(4); !score.isNull()) u.score = score.getDouble();
    return u;
}

}  // namespace

struct SqliteCpp::State {
    SQLite::Database db;
};

SqliteCpp::SqliteCpp(const std::string& path)
    : s_(new State{SQLite::Database(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE)}) {}
SqliteCpp::SqliteCpp(SqliteCpp&&) noexcept = default;
SqliteCpp::~SqliteCpp() = default;
sqlite3* SqliteCpp::handle() const { return s_->db.getHandle(); }

void SqliteCpp::w1(const std::vector<User>& rows) {
    SQLite::Transaction tx(s_->db);
    SQLite::Statement q(s_->db, q_insert);
    for (const User& u : rows) {
        q.bind(1, static_cast<std::int64_t>(u.id));
        q.bindNoCopy(2, u.name);
        q.bindNoCopy(3, u.email);
        if (u.age) q.bind(4, *u.age);
        else q.bind(4);
        if (u.score) q.bind(5, *u.score);
        else q.bind(5);
        q.exec();
        q.reset();
    }
    tx.commit();
}

std::vector<User> SqliteCpp::w2() {
    std::vector<User> out;
    SQLite::Statement q(s_->db, q_all);
    while (q.executeStep()) out.push_back(read_user(q));
    return out;
}

std::uint64_t SqliteCpp::w3(std::int64_t n) {
    Check c;
    SQLite::Statement q(s_->db, q_point);
    for (std::int64_t k = 0; k < n; ++k) {
        q.bind(1, static_cast<std::int64_t>(point_id(k, n)));
        if (!q.executeStep()) throw std::runtime_error("sqlitecpp w3: no row");
        c.add(read_user(q));
        q.reset();
    }
    return c.v;
}

Outcome SqliteCpp::w4(std::int64_t m) {
    Check c;
    std::int64_t rows = 0;
    SQLite::Statement q(s_->db, q_filter);
    std::vector<User> page;
    for (std::int64_t k = 0; k < m; ++k) {
        q.bind(1, w4_lo(k));
        q.bind(2, w4_hi(k));
        page.clear();
        while (q.executeStep()) page.push_back(read_user(q));
        q.reset();
        for (const User& u : page) c.add(u);
        rows += static_cast<std::int64_t>(page.size());
    }
    return {rows, c.v};
}

void SqliteCpp::w5(const std::vector<Update>& updates) {
    SQLite::Transaction tx(s_->db);
    SQLite::Statement q(s_->db, q_update);
    for (const Update& u : updates) {
        q.bind(1, u.age);
        q.bindNoCopy(2, u.email);
        q.bind(3, static_cast<std::int64_t>(u.id));
        q.exec();
        q.reset();
    }
    tx.commit();
}

}  // namespace bench::peers
